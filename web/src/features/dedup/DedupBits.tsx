import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../ui/format.ts';
import classes from './dedup.module.css';
import { formatWeight, NEUTRAL } from './explanation.ts';

/** Filled badges in shades dark enough for white text (WCAG AA), as the jobs badges. */
export const DARK = { red: '#b02525', amber: '#8a4b00', green: '#1b6e31', grey: '#495057' } as const;

/** "Almost surely the same person" or "Needs review". */
export function KindBadge({ kind }: { kind: 'link' | 'review' }) {
  const { t } = useTranslation();
  return (
    <Badge color={kind === 'link' ? DARK.red : DARK.amber} variant="filled" radius="sm" tt="none">
      {t(`dedup.kinds.${kind}`)}
    </Badge>
  );
}

/** The weight a field added, with its sign: green for, red against, grey for none. */
export function WeightBadge({ weight }: { weight: number }) {
  const { locale } = useFormat();
  const color = weight >= NEUTRAL ? DARK.green : weight <= -NEUTRAL ? DARK.red : DARK.grey;
  return (
    <Badge color={color} variant="filled" radius="sm" tt="none" className={classes.weight}>
      {formatWeight(weight, locale)}
    </Badge>
  );
}
