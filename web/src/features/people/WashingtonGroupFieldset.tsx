import { Button, Fieldset, Group, Radio, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MemberDraft } from './memberDraft.ts';
import classes from './people.module.css';
import { disabilityOf, emptyWg, WG_ANSWERS, WG_DOMAINS, type WgAnswer } from './washingtonGroup.ts';

/** The Washington Group questions, and the disability status they give. */
export function WashingtonGroupFieldset({
  member: m,
  onChange,
  id,
}: {
  member: MemberDraft;
  onChange: (patch: Partial<MemberDraft>) => void;
  id: (field: string) => string;
}) {
  const { t } = useTranslation();
  const disability = disabilityOf(m.washingtonGroup);
  const wgAnswered = Object.values(m.washingtonGroup).some((a) => a !== null);

  return (
    <Fieldset
      classNames={{ root: classes.fieldset }}
      legend={t('people.wgLegend')}
      id={id('washingtonGroup')}
    >
      <Text size="sm" mb="sm">
        {t('people.wgIntro')}
      </Text>
      <Stack gap="md">
        {WG_DOMAINS.map((domain) => (
          <Radio.Group
            key={domain}
            id={id(`wg-${domain}`)}
            label={t(`people.wgQuestions.${domain}`)}
            value={m.washingtonGroup[domain] ?? ''}
            onChange={(v) => onChange({ washingtonGroup: { ...m.washingtonGroup, [domain]: v as WgAnswer } })}
          >
            <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing={6} mt={6}>
              {WG_ANSWERS.map((a) => (
                <Radio key={a} value={a} label={t(`people.wgAnswers.${a}`)} />
              ))}
            </SimpleGrid>
          </Radio.Group>
        ))}
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text fw={600} aria-live="polite">
            {t('people.disabilityComputed', {
              value:
                disability === null
                  ? t('people.disabilityUnknown')
                  : disability
                    ? t('people.disabilityYes')
                    : t('people.disabilityNo'),
            })}
          </Text>
          {wgAnswered && (
            <Button
              variant="subtle"
              size="compact-sm"
              onClick={() => onChange({ washingtonGroup: emptyWg() })}
            >
              {t('people.wgClear')}
            </Button>
          )}
        </Group>
      </Stack>
    </Fieldset>
  );
}
