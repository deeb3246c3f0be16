import { Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface PageTitleProps {
  /** Text of the page's `<h1>`. */
  children: ReactNode;
  /** Text for the browser tab, when it differs from the heading. */
  documentTitle?: string;
}

/** The page's one `<h1>`, plus the document title (React 19 hoists `<title>` into `<head>`). */
export function PageTitle({ children, documentTitle }: PageTitleProps) {
  const { t } = useTranslation();
  const tabTitle = documentTitle ?? (typeof children === 'string' ? children : undefined);
  return (
    <>
      <title>{tabTitle ? `${tabTitle} · ${t('app.name')}` : t('app.name')}</title>
      <Title order={1} tabIndex={-1} mb="sm">
        {children}
      </Title>
    </>
  );
}
