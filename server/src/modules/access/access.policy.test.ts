import { roles } from '@oselia/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Actor, can, policy } from './access.policy.ts';

const actor = (over: Partial<Actor> = {}): Actor => ({
  userId: 'u',
  tenantId: 't',
  organisationId: 'org-a',
  roles: ['registration_officer'],
  projectScope: null,
  oblastScope: null,
  label: 'x',
  ...over,
});

describe('can', () => {
  it('grants an action only to the roles listed for it', () => {
    for (const [action, allowed] of Object.entries(policy)) {
      for (const role of roles) {
        expect(can(actor({ roles: [role] }), action as keyof typeof policy)).toBe(
          (allowed as readonly string[]).includes(role),
        );
      }
    }
  });

  it('keeps partner staff inside their own organisation', () => {
    const partner = actor({ roles: ['partner_staff'], organisationId: 'org-a' });
    expect(can(partner, 'organisations.read', { organisationId: 'org-a' })).toBe(true);
    expect(can(partner, 'organisations.read', { organisationId: 'org-b' })).toBe(false);
    // A mission role next to partner_staff is not limited to the organisation.
    expect(
      can({ ...partner, roles: ['partner_staff', 'admin'] }, 'organisations.read', {
        organisationId: 'org-b',
      }),
    ).toBe(true);
  });

  it('limits oblast- and project-scoped users to their scope', () => {
    const scoped = actor({ roles: ['admin'], oblastScope: ['UA05', 'UA46'], projectScope: ['p1'] });
    expect(can(scoped, 'users.read', { oblastPcode: 'UA0502003001' })).toBe(true);
    expect(can(scoped, 'users.read', { oblastPcode: 'UA12' })).toBe(false);
    expect(can(scoped, 'users.read', { projectId: 'p2' })).toBe(false);
    expect(can(scoped, 'users.read', { projectId: 'p1', oblastPcode: 'UA46' })).toBe(true);
  });

  it('never grants more with a scope than without one (property)', () => {
    fc.assert(
      fc.property(
        fc.subarray([...roles], { minLength: 1 }),
        fc.constantFrom(...(Object.keys(policy) as (keyof typeof policy)[])),
        fc.option(fc.constantFrom('org-a', 'org-b')),
        fc.option(fc.constantFrom('UA05', 'UA0502', 'UA12')),
        (rs, action, org, oblast) => {
          const a = actor({ roles: rs, oblastScope: ['UA05'] });
          const resource = { organisationId: org, oblastPcode: oblast };
          if (can(a, action, resource)) expect(can(a, action)).toBe(true);
        },
      ),
    );
  });
});

describe('the web app’s copy of the policy', () => {
  it('gives every action it knows the same roles as the server', async () => {
    // The screens decide what to show from their own copy; a drift would hide or offer a page wrongly.
    const { webPolicy } = await import('../../../../web/src/features/access/permissions.ts');
    for (const [action, allowed] of Object.entries(webPolicy)) {
      expect(policy, `the server has no action ${action}`).toHaveProperty([action]);
      expect([...allowed].sort(), action).toEqual([...policy[action as keyof typeof policy]].sort());
    }
  });
});
