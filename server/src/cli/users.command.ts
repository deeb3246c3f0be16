import { role } from '@oselia/contracts';
import type { Command } from 'commander';
import { systemActor } from '../modules/access/users.service.ts';
import { AppError } from '../shared/app-error.ts';
import { withRuntime } from './context.ts';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8').trim();
}

export function registerUsersCommands(program: Command) {
  program
    .command('users')
    .description('user accounts')
    .command('create-admin')
    .description(
      'create the first administrator (or another one); without a password, prints an invitation link',
    )
    .requiredOption('--email <email>', 'their email, used to sign in')
    .option('--name <name>', 'display name', 'Administrator')
    .option(
      '--organisation <name>',
      'organisation (English name), created as the mission if missing',
      'Mission',
    )
    .option('--password-stdin', 'read the password from standard input (keeps it out of the shell history)')
    .action(async (opts: { email: string; name: string; organisation: string; passwordStdin?: boolean }) => {
      const password = opts.passwordStdin
        ? await readStdin()
        : (process.env.OSELIA_ADMIN_PASSWORD ?? undefined);
      await withRuntime(async ({ services, tenantId }) => {
        const organisationId = await services.organisations.ensureOrganisation(tenantId, {
          type: 'mission',
          nameEn: opts.organisation,
          nameUk: opts.organisation,
        });
        const created = await services.users
          .createUser(tenantId, systemActor('command line'), {
            email: opts.email.trim().toLowerCase(),
            displayName: opts.name,
            organisationId,
            roles: [role.enum.admin],
            projectScope: null,
            oblastScope: null,
            totpRequired: false,
            password: password || undefined,
          })
          .catch((error: unknown) => {
            if (error instanceof AppError && error.code === 'VALIDATION_FAILED')
              throw new AppError(error.code, error.message);
            throw error;
          });
        console.log(`created admin ${created.user.email} (${created.user.id})`);
        if (created.inviteUrl)
          console.log(`invitation link (valid 7 days, shown once): ${created.inviteUrl}`);
      });
    });
}
