import { Anchor } from '@mantine/core';
import { Link } from 'react-router';
import classes from './Breadcrumbs.module.css';

export interface Crumb {
  label: string;
  /** Omitted for the current page, which is the last crumb. */
  to?: string;
}

/** A breadcrumb trail as an ordered list inside a labelled `<nav>`. */
export function Breadcrumbs({ label, items }: { label: string; items: Crumb[] }) {
  return (
    <nav aria-label={label}>
      <ol className={classes.list}>
        {items.map((item) => (
          <li key={`${item.to ?? 'current'}:${item.label}`} className={classes.item}>
            {item.to ? (
              <Anchor component={Link} to={item.to} size="sm">
                {item.label}
              </Anchor>
            ) : (
              <span aria-current="page" className={classes.current}>
                {item.label}
              </span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
