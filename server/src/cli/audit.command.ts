import type { Command } from 'commander';
import { progressLine, withRuntime } from './context.ts';

export function registerAuditCommands(program: Command) {
  program
    .command('audit')
    .description('the tamper-evident audit log')
    .command('verify')
    .description(
      'walk the hash chain and report the first broken link; exits 1 when the log was tampered with',
    )
    .action(async () => {
      const outcome = await withRuntime(async ({ services }) =>
        services.audit.verifyAuditChain((checked) => progressLine(`checked ${checked} entries`)),
      );
      if (outcome.breaks.length === 0) {
        console.log(`audit log intact: ${outcome.checked} entries verified`);
        return;
      }
      for (const b of outcome.breaks) {
        console.log(
          `audit log BROKEN at entry ${b.seq}${b.id ? ` (id ${b.id})` : ''} of tenant ${b.tenantId}: ${b.reason}`,
        );
      }
      process.exitCode = 1;
    });
}
