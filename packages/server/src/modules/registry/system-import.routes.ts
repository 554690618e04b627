import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../errors.js';
import { errorResponses, ZError } from '../../http/common.schema.js';
import { actorOf, type RouteApp } from '../../http/route-app.js';
import type { Services } from '../../services.js';
import { ZSystemQuery } from './system.schema.js';
import { csvStream, EXPORT_MIME, xlsxStream } from './system-export.js';
import { type ImportFormat, XLSX_MIME } from './system-import.js';

const ZFormat = z.enum(['csv', 'xlsx']);
const ZImportQuery = z.strictObject({
  format: ZFormat.optional().describe('Needed when the body is sent as application/octet-stream'),
  fileName: z.string().trim().max(300).optional().describe('The uploaded file, named in the audit entry'),
});
const ZExportQuery = ZSystemQuery.omit({ page: true, pageSize: true }).extend({ format: ZFormat.default('csv') });

const ZCellError = z.object({ column: z.string(), message: z.string() });
const ZImportPreview = z.object({
  columns: z.array(z.object({ header: z.string(), field: z.string().nullable(), status: z.enum(['mapped', 'read-only', 'ignored']) })),
  rows: z.array(z.object({ row: z.number().int(), values: z.record(z.string(), z.string()), errors: z.array(ZCellError) })),
  summary: z.object({ total: z.number().int(), valid: z.number().int(), invalid: z.number().int(), duplicates: z.number().int() }),
});
const ZImportResult = z.object({ created: z.number().int(), ids: z.array(z.string()) });

const CSV_TYPES = new Set(['text/csv', 'application/csv', 'text/comma-separated-values', 'text/plain', 'application/vnd.ms-excel']);
const FILE_BODY =
  'The file as the raw request body: text/csv, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, or application/octet-stream with ?format=csv|xlsx. ';

function formatOf(req: FastifyRequest, query: { format?: ImportFormat | undefined }): ImportFormat {
  if (query.format) return query.format;
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (CSV_TYPES.has(type)) return 'csv';
  if (type === XLSX_MIME) return 'xlsx';
  throw new AppError(
    'UNSUPPORTED_MEDIA_TYPE',
    `Send the file as text/csv or ${XLSX_MIME}, or as application/octet-stream with ?format=csv or ?format=xlsx.`,
    [{ path: 'content-type', message: type ? `"${type}" is not a spreadsheet type` : 'missing' }],
  );
}

const fileOf = (req: FastifyRequest): Buffer => (Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0));

export function systemImportRoutes(app: RouteApp, s: Services, limits: { maxBytes: number }): void {
  app.get('/api/v1/systems/export', {
    config: { access: 'systems:read' },
    schema: {
      tags: ['register'],
      summary: 'Download the register as CSV or XLSX, with the filters of the list (system owners get their own systems)',
      querystring: ZExportQuery,
      response: { 200: z.any().describe('The spreadsheet, as an attachment'), ...errorResponses },
    },
    handler: async (req, reply) => {
      const { format, ...filter } = req.query;
      const { table, fileName } = await s.systemImport.export(actorOf(req), filter, format);
      reply
        .header('content-type', EXPORT_MIME[format])
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .header('cache-control', 'no-store');
      return reply.send(format === 'csv' ? csvStream(table) : xlsxStream(table));
    },
  });

  // The uploads read their body as raw bytes; this parser applies to these two routes only.
  void app.register(async (scoped) => {
    const r = scoped as unknown as RouteApp;
    r.removeAllContentTypeParsers();
    r.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: limits.maxBytes }, (_req, body, done) => done(null, body));
    const megabytes = Math.round((limits.maxBytes / 1024 / 1024) * 10) / 10;
    // Refuse a declared oversize body before reading it, with a message that names the limit.
    const sizeCheck = async (req: FastifyRequest) => {
      if (Number(req.headers['content-length'] ?? 0) > limits.maxBytes) {
        throw new AppError(
          'PAYLOAD_TOO_LARGE',
          `The file is larger than ${megabytes} MB, the most one import takes. Split it into several files.`,
          [{ path: 'file', message: `larger than ${limits.maxBytes} bytes` }],
        );
      }
    };

    r.post('/api/v1/systems/import/preview', {
      config: { access: 'systems:edit' },
      bodyLimit: limits.maxBytes,
      onRequest: sizeCheck,
      schema: {
        tags: ['register'],
        summary: 'Check a CSV or XLSX file of systems row by row and cell by cell; stores nothing',
        description: FILE_BODY,
        querystring: ZImportQuery,
        response: { 200: ZImportPreview, 413: ZError, 415: ZError, ...errorResponses },
      },
      handler: async (req) => s.systemImport.preview(actorOf(req), fileOf(req), formatOf(req, req.query)),
    });

    r.post('/api/v1/systems/import', {
      config: { access: 'systems:edit' },
      bodyLimit: limits.maxBytes,
      onRequest: sizeCheck,
      schema: {
        tags: ['register'],
        summary: 'Import a CSV or XLSX file of systems: all rows or, if any row has a problem, none',
        description: `${FILE_BODY}System owners import only systems they own (owner column empty or their own e-mail).`,
        querystring: ZImportQuery,
        response: { 201: ZImportResult, 413: ZError, 415: ZError, ...errorResponses },
      },
      handler: async (req, reply) =>
        reply
          .status(201)
          .send(await s.systemImport.import(actorOf(req), fileOf(req), formatOf(req, req.query), req.query.fileName || undefined)),
    });
  });
}
