import { Alert, List, Text, Title } from '@mantine/core';
import type { DedupPairDetail } from '@oselia/contracts';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../ui/format.ts';
import classes from './dedup.module.css';
import { type FieldEvidence, formatProbability, formatWeight, weighEvidence } from './explanation.ts';
import { evidenceOf } from './pairEvidence.ts';
import { useExplanationText } from './useExplanationText.ts';

/** "birth date — exact (+9.1)" items, for the evidence lists. */
function EvidenceList({ fields }: { fields: FieldEvidence[] }) {
  const text = useExplanationText();
  const { locale } = useFormat();
  return (
    <List size="sm" spacing={2}>
      {fields.map((f) => (
        <List.Item key={f.field}>
          {text.field(f.field)} — {text.level(f.label)} ({formatWeight(f.weight, locale)})
        </List.Item>
      ))}
    </List>
  );
}

export function WhySection({ pair }: { pair: DedupPairDetail }) {
  const { t } = useTranslation();
  const { locale } = useFormat();
  const text = useExplanationText();
  const evidence = weighEvidence(evidenceOf(pair));
  return (
    <section aria-labelledby="why-heading">
      <Title order={2} id="why-heading" mb="xs">
        {t('dedup.whyHeading')}
      </Title>
      <Text mb="sm">
        {t('dedup.whyTotal', {
          p: formatProbability(pair.probability, locale),
          weight: formatWeight(pair.explanation.total, locale),
        })}
      </Text>
      <div className={classes.evidence}>
        {evidence.for.length > 0 && (
          <div>
            <Text fw={600} size="sm" id="evidence-for">
              {t('dedup.evidenceFor')}
            </Text>
            <EvidenceList fields={evidence.for} />
          </div>
        )}
        {evidence.against.length > 0 && (
          <div>
            <Text fw={600} size="sm">
              {t('dedup.evidenceAgainst')}
            </Text>
            <EvidenceList fields={evidence.against} />
          </div>
        )}
        {evidence.neutral.length > 0 && (
          <div>
            <Text fw={600} size="sm">
              {t('dedup.evidenceNeutral')}
            </Text>
            <EvidenceList fields={evidence.neutral} />
          </div>
        )}
      </div>
      {(pair.explanation.veto || pair.reason) && (
        <Alert color="yellow" variant="light" mt="sm" role="note" title={t('dedup.reviewReason')}>
          {[pair.explanation.veto, pair.reason]
            .filter((x): x is string => !!x)
            .map((x) => text.note(x))
            .join(' · ')}
        </Alert>
      )}
      <Text size="xs" c="dimmed" mt="sm" maw={760}>
        {t('dedup.weightHelp')}
      </Text>
    </section>
  );
}
