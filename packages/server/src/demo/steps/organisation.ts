import { DEFAULT_ROLES } from '@cityshield/core';
import { AppError } from '../../errors.js';
import type { DemoContext, DemoStep } from '../context.js';
import { DEPARTMENTS, PEOPLE } from '../data/city.js';

/** "Toomas Mägi" → "toomas.magi" */
export function emailLocalPart(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.|\.$/g, '');
}

const roleName = (key: string) => DEFAULT_ROLES.find((r) => r.key === key)?.name ?? key;

/** Departments, then the people: invited by the administrator and accepted with the demo password. */
export const organisationStep: DemoStep = {
  name: 'organisation',
  async run(demo: DemoContext) {
    const { services, admin } = demo;
    const existing = new Map((await services.organisation.departments(admin)).items.map((d) => [d.name, d.id]));
    let createdDepartments = 0;
    for (const d of DEPARTMENTS) {
      let id = existing.get(d.name);
      if (!id) {
        id = (await services.organisation.createDepartment(admin, { name: d.name })).id;
        createdDepartments += 1;
      }
      demo.departments.set(d.key, id);
    }

    let createdPeople = 0;
    for (const p of PEOPLE) {
      const email = `${emailLocalPart(p.name)}@${demo.domain}`;
      const found = await demo.ctx.db.selectFrom('users').select(['id', 'org_id']).where('email', '=', email).executeTakeFirst();
      if (found && found.org_id !== demo.orgId) {
        throw new AppError('CONFLICT', `The demo account ${email} belongs to another organisation; choose another --org name.`);
      }
      let id = found?.id;
      if (!id) {
        const departmentId = p.department ? (demo.departments.get(p.department) ?? null) : null;
        const { link } = await services.invitations.invite(admin, { email, role: p.role, departmentId });
        // The demo runtime has no mailer, so the link comes back; accepting it creates the account.
        const token = link ? new URL(link).searchParams.get('token') : null;
        if (!token) throw new Error('The demo needs invitation links (it runs without SMTP).');
        const accepted = await services.invitations.accept(token, p.name, demo.password, { ip: null, userAgent: 'cityshield demo' });
        id = accepted.user.id;
        createdPeople += 1;
      }
      demo.people.set(p.key, id);
      demo.accounts.push({ email, name: p.name, role: roleName(p.role), created: !found });
    }
    // From here on the work is done by the security officer, as it would be in a real city.
    demo.officer = await demo.actorFor('officer');
    return `${DEPARTMENTS.length} departments (${createdDepartments} new), ${PEOPLE.length} people (${createdPeople} new)`;
  },
};
