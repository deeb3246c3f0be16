import type { GrantCall } from '@oselia/contracts';
import { AwardsTable } from './AwardsTable.tsx';

/** The awards made under a call. */
export function CallAwardsTab({ call }: { call: GrantCall }) {
  return <AwardsTable callId={call.id} />;
}
