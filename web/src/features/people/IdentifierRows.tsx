import { Button, Fieldset, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type IdentifierKind, type MemberDraft, newKey } from './memberDraft.ts';
import { IDENTIFIER_TYPES } from './memberOptions.ts';
import classes from './people.module.css';
import { useTaxHint } from './useTaxHint.ts';

export function IdentifierRows({
  member: m,
  onChange,
  errorOf,
  id,
}: {
  member: MemberDraft;
  onChange: (patch: Partial<MemberDraft>) => void;
  errorOf: (field: string) => string | undefined;
  id: (field: string) => string;
}) {
  const { t } = useTranslation();
  const taxHint = useTaxHint();
  const set = (key: string, patch: Partial<MemberDraft['identifiers'][number]>) =>
    onChange({ identifiers: m.identifiers.map((i) => (i.key === key ? { ...i, ...patch } : i)) });

  return (
    <Fieldset
      classNames={{ root: classes.fieldset }}
      legend={t('people.identifiersLegend')}
      id={id('identifiers')}
    >
      <Stack gap="sm">
        {m.identifiers.map((ident, i) => {
          const hint = ident.type === 'tax_number' ? taxHint(ident.value, m.birthDate) : { bad: false };
          return (
            <Group key={ident.key} align="flex-start" gap="xs" wrap="wrap">
              <NativeSelect
                id={id(`identifiers.${i}.type`)}
                label={t('people.identifierType')}
                value={ident.type}
                onChange={(e) => set(ident.key, { type: e.currentTarget.value as IdentifierKind })}
                data={IDENTIFIER_TYPES.map((k) => ({ value: k, label: t(`people.identifierTypes.${k}`) }))}
                style={{ flex: '1 1 12rem' }}
              />
              <TextInput
                id={id(`identifiers.${i}.value`)}
                label={t('people.identifierValue')}
                autoComplete="off"
                inputMode={ident.type === 'tax_number' ? 'numeric' : undefined}
                value={ident.value}
                onChange={(e) => set(ident.key, { value: e.currentTarget.value })}
                description={hint.bad ? undefined : hint.text}
                error={errorOf(`identifiers.${i}.value`) ?? (hint.bad ? hint.text : undefined)}
                style={{ flex: '1 1 12rem' }}
              />
              <Button
                variant="subtle"
                color="red"
                mt={{ base: 0, sm: 25 }}
                onClick={() => onChange({ identifiers: m.identifiers.filter((x) => x.key !== ident.key) })}
              >
                {t('people.removeIdentifier', { n: i + 1 })}
              </Button>
            </Group>
          );
        })}
        <div>
          <Button
            variant="default"
            onClick={() =>
              onChange({
                identifiers: [...m.identifiers, { key: newKey(), type: 'tax_number', value: '' }],
              })
            }
          >
            {t('people.addIdentifier')}
          </Button>
        </div>
      </Stack>
    </Fieldset>
  );
}
