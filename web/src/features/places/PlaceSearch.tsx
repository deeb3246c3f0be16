import { Button, CloseButton, Group, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface PlaceSearchProps {
  /** The search in the URL (`?q=`), empty when none. */
  value: string;
  onSearch: (q: string) => void;
}

/** Search box for places; searches as you type (after a short pause) and on Enter. */
export function PlaceSearch({ value, onSearch }: PlaceSearchProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  const lastSent = useRef(value);

  // Follow the URL when it changes by itself (back/forward, a link), not while we are typing.
  useEffect(() => {
    if (value !== lastSent.current) {
      lastSent.current = value;
      setText(value);
    }
  }, [value]);

  const send = (q: string) => {
    const trimmed = q.trim();
    if (trimmed === lastSent.current) return;
    lastSent.current = trimmed;
    onSearch(trimmed);
  };
  const sendLater = useDebouncedCallback(send, 350);

  return (
    <search>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          sendLater.cancel();
          send(text);
        }}
      >
        <Group align="flex-end" gap="xs" wrap="nowrap" maw={560}>
          <TextInput
            flex={1}
            type="search"
            label={t('places.searchLabel')}
            description={t('places.searchDescription')}
            value={text}
            maxLength={100}
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => {
              setText(event.currentTarget.value);
              sendLater(event.currentTarget.value);
            }}
            rightSection={
              text ? (
                <CloseButton
                  aria-label={t('places.clearSearch')}
                  onClick={() => {
                    sendLater.cancel();
                    setText('');
                    send('');
                  }}
                />
              ) : null
            }
          />
          <Button type="submit">{t('places.searchButton')}</Button>
        </Group>
      </form>
    </search>
  );
}
