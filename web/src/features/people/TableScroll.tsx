import type { ReactNode } from 'react';
import classes from './people.module.css';

/**
 * A wide table that scrolls sideways on a phone. The wrapper takes keyboard focus, so the
 * hidden columns can be reached with the arrow keys too.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable
    <section className={classes.tableScroll} tabIndex={0} aria-label={label}>
      {children}
    </section>
  );
}
