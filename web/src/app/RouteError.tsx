import { Alert, Button, Container, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { NotFoundPage } from '../features/errors/NotFoundPage.tsx';
import { PageTitle } from '../ui/PageTitle.tsx';

/**
 * Shown when rendering a page throws. `inLayout` is the inner boundary that keeps the app shell;
 * the outer one catches errors of the shell itself.
 */
export function RouteError({ inLayout = false }: { inLayout?: boolean }) {
  const { t } = useTranslation();
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  if (!inLayout) console.error(error);

  const content = (
    <Stack align="flex-start">
      <PageTitle>{t('errors.genericTitle')}</PageTitle>
      <Alert color="red" variant="outline" role="alert">
        <Text size="sm">{t('errors.pageCrashed')}</Text>
      </Alert>
      <Button onClick={() => window.location.reload()}>{t('errors.reload')}</Button>
    </Stack>
  );
  return inLayout ? (
    content
  ) : (
    <Container component="main" py="xl">
      {content}
    </Container>
  );
}
