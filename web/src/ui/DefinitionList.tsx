import type { ReactNode } from 'react';
import classes from './DefinitionList.module.css';

export interface DefinitionItem {
  term: ReactNode;
  description: ReactNode;
}

/** Term–value pairs as a real `<dl>`, two columns on wide screens. */
export function DefinitionList({ items }: { items: DefinitionItem[] }) {
  return (
    <dl className={classes.list}>
      {items.map((item, index) => (
        // Items are static per render; index keys are stable here.
        // biome-ignore lint/suspicious/noArrayIndexKey: fixed list
        <div className={classes.row} key={index}>
          <dt className={classes.term}>{item.term}</dt>
          <dd className={classes.description}>{item.description}</dd>
        </div>
      ))}
    </dl>
  );
}
