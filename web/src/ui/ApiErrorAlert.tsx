import { Alert, Button, Code, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/errors.ts';

interface ApiErrorAlertProps {
  error: unknown;
  /** Offered as a "Try again" button when the error may be passing. */
  onRetry?: () => void;
  /** Overrides the body text for 404 answers. */
  notFoundText?: string;
}

/** Explains a failed API call in plain words; a 401 becomes "sign in required". */
export function ApiErrorAlert({ error, onRetry, notFoundText }: ApiErrorAlertProps) {
  const { t } = useTranslation();
  let title = t('errors.genericTitle');
  let body = t('errors.genericBody');
  let color = 'red';
  let retry = true;
  let code: string | undefined;

  if (isApiError(error)) {
    code = error.code;
    if (error.isUnauthenticated) {
      title = t('errors.signInTitle');
      body = t('errors.signInBody');
      color = 'blue';
      retry = false;
      code = undefined;
    } else if (error.isForbidden) {
      title = t('errors.forbiddenTitle');
      body = t('errors.forbiddenBody');
      color = 'orange';
      retry = false;
    } else if (error.isNotFound && notFoundText) {
      title = notFoundText;
      body = '';
      color = 'gray';
      retry = false;
      code = undefined;
    } else if (error.isNetwork) {
      title = t('errors.networkTitle');
      body = t('errors.networkBody');
      code = undefined;
    } else if (error.code === 'invalid_response') {
      title = t('errors.invalidTitle');
      body = t('errors.invalidBody');
    }
  }

  return (
    <Alert color={color} title={title} role="alert" variant="outline">
      <Stack gap="xs" align="flex-start">
        {body && <Text size="sm">{body}</Text>}
        {code && (
          <Text size="sm">
            {t('errors.codeLabel')} <Code>{code}</Code>
          </Text>
        )}
        {retry && onRetry && (
          <Button size="xs" variant="outline" onClick={onRetry}>
            {t('errors.retry')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
