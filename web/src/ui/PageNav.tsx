import { Pagination } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface PageNavProps {
  /** What is paged, as the navigation landmark's name (e.g. "Pages of errors"). */
  label: string;
  pages: number;
  page: number;
  onChange: (page: number) => void;
}

/** Page numbers for a long list, as a named navigation landmark; nothing when one page holds it all. */
export function PageNav({ label, pages, page, onChange }: PageNavProps) {
  const { t } = useTranslation();
  if (pages <= 1) return null;
  return (
    <nav aria-label={label}>
      <Pagination
        mt="sm"
        total={pages}
        value={page}
        onChange={onChange}
        getControlProps={(control) =>
          control === 'previous' || control === 'next' ? { 'aria-label': t(`common.${control}Page`) } : {}
        }
      />
    </nav>
  );
}
