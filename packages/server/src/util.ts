import { createHash, randomBytes } from 'node:crypto';
import { uuidv7 } from 'uuidv7';

export const newId = (): string => uuidv7();

/** Secrets handed to people (session ids, tokens) are random; only their SHA-256 is stored. */
export const randomSecret = (bytes = 32): string => randomBytes(bytes).toString('base64url');
export const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');

export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

export const iso = (d: Date): string => d.toISOString();
export const addMinutes = (d: Date, m: number): Date => new Date(d.getTime() + m * 60_000);

export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
