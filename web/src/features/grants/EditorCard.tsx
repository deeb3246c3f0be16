import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * One item of an editable list (a rule, a document, a criterion, a tranche): a fieldset named by
 * its legend, its fields, and a button that removes it.
 */
export function EditorCard({
  legend,
  disabled = false,
  removeLabel,
  onRemove,
  children,
}: {
  legend: string;
  disabled?: boolean;
  /** Shown (and the item removable) only with `onRemove`. */
  removeLabel?: string;
  onRemove?: (() => void) | undefined;
  children: ReactNode;
}) {
  return (
    <Paper withBorder p="sm" component="fieldset" disabled={disabled}>
      <legend>
        <Text fw={600} component="span">
          {legend}
        </Text>
      </legend>
      <Stack gap="xs">
        {children}
        {!disabled && onRemove && (
          <Group>
            <Button variant="subtle" color="red" size="compact-sm" onClick={onRemove}>
              {removeLabel}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
