import { useFormat } from '../../../ui/format.ts';
import classes from './import.module.css';

/** A row of labelled figures (a description list, so each figure is read with its label). */
export function ImportCounts({ items }: { items: { label: string; value: number }[] }) {
  const format = useFormat();
  return (
    <dl className={classes.counts}>
      {items.map((item) => (
        <div key={item.label}>
          <dt>{item.label}</dt>
          <dd>{format.number(item.value)}</dd>
        </div>
      ))}
    </dl>
  );
}
