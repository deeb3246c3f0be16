import { Anchor, Badge, Group, Paper, Text, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../ui/format.ts';
import type { MemberDraft } from '../people/memberDraft.ts';
import { PlaceName } from '../people/PlacePicker.tsx';
import { checkTaxNumber } from '../people/taxNumber.ts';
import classes from './dedup.module.css';
import { duplicateCheckQuery } from './dedupApi.ts';
import { birthYear, duplicateCheckRequest, formatProbability, weighEvidence } from './explanation.ts';
import { useExplanationText } from './useExplanationText.ts';

/** How long typing must pause before the registry is asked. */
const DEBOUNCE_MS = 400;

/**
 * People already registered who may be the person being typed in, shown as the officer types.
 * It never blocks typing or saving: the check runs a moment after typing pauses, its answer is
 * announced politely, and a failed check only says so.
 */
export function LikelyDuplicates({ member: m }: { member: MemberDraft }) {
  const { t } = useTranslation();
  const { locale } = useFormat();
  const text = useExplanationText();
  const headingId = useId();
  const taxNumber =
    m.identifiers
      .find((i) => i.type === 'tax_number' && checkTaxNumber(i.value) === 'valid')
      ?.value.replace(/[\s-]/g, '') ?? null;
  const request = useMemo(
    () =>
      duplicateCheckRequest({
        familyName: m.familyName,
        givenName: m.givenName,
        patronymic: m.patronymic,
        birthDate: m.birthDate,
        birthDatePrecision: m.birthDatePrecision,
        sex: m.sex,
        phone: m.phone,
        taxNumber,
      }),
    [m.familyName, m.givenName, m.patronymic, m.birthDate, m.birthDatePrecision, m.sex, m.phone, taxNumber],
  );
  const [debounced] = useDebouncedValue(request, DEBOUNCE_MS);
  const check = useQuery(duplicateCheckQuery(debounced));
  const candidates =
    request === null ? [] : (check.data?.candidates ?? []).filter((c) => c.decision !== 'distinct');

  return (
    // The region is always there, so screen readers announce what appears in it.
    <div aria-live="polite" className={classes.likely}>
      {candidates.length > 0 && (
        <Paper withBorder p="sm" radius="md" className={classes.likelyBox}>
          <section aria-labelledby={headingId}>
            <Text fw={700} id={headingId}>
              {t('dedup.likely.heading', { n: candidates.length })}
            </Text>
            <Text size="sm" mb="xs">
              {t('dedup.likely.intro')}
            </Text>
            <ul className={classes.likelyList}>
              {candidates.map((c) => {
                const name = [c.familyName, c.givenName, c.patronymic].filter(Boolean).join(' ');
                const year = birthYear(c.birthDate);
                const strongest = weighEvidence(c.fields).for.slice(0, 3);
                return (
                  <li key={c.personId}>
                    <Group gap="xs" wrap="wrap" align="baseline">
                      <Anchor
                        href={`/people/${c.personId}`}
                        target="_blank"
                        rel="noopener noreferrer"
                        fw={600}
                      >
                        {name}
                        <VisuallyHidden> ({t('dedup.likely.newTab')})</VisuallyHidden>
                      </Anchor>
                      <Badge variant="outline" color="dark" tt="none">
                        {t('dedup.likely.score', { p: formatProbability(c.probability, locale) })}
                      </Badge>
                    </Group>
                    <Text size="sm">
                      {year ? t('dedup.likely.born', { year }) : t('dedup.likely.bornUnknown')}
                      {c.currentPcode && (
                        <>
                          {' · '}
                          <PlaceName pcode={c.currentPcode} />
                        </>
                      )}
                    </Text>
                    {strongest.length > 0 && (
                      <Text size="xs" c="dimmed">
                        {t('dedup.likely.because', {
                          fields: strongest.map((f) => text.field(f.field)).join(', '),
                        })}
                      </Text>
                    )}
                  </li>
                );
              })}
            </ul>
          </section>
        </Paper>
      )}
      {request !== null && check.isError && (
        <Text size="sm" c="dimmed">
          {t('dedup.likely.failed')}
        </Text>
      )}
    </div>
  );
}
