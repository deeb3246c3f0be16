import { VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import classes from './import.module.css';

const STEPS = ['upload', 'map', 'check', 'import'] as const;

/** The id of the shown step's heading, which takes focus when the step changes. */
export const STEP_HEADING_ID = 'import-step-heading';

/** Where the officer is among the four steps; the current one is announced as such. */
export function ImportSteps({ current, finished = false }: { current: 1 | 2 | 3 | 4; finished?: boolean }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('peopleImport.stepsLabel')}>
      <ol className={classes.steps}>
        {STEPS.map((step, i) => {
          const n = i + 1;
          const done = n < current || (finished && n === current);
          const isCurrent = n === current && !finished;
          return (
            <li
              key={step}
              className={classes.step}
              data-state={done ? 'done' : isCurrent ? 'current' : 'todo'}
              aria-current={isCurrent ? 'step' : undefined}
            >
              <span className={classes.stepNumber} aria-hidden="true">
                {done ? '✓' : n}
              </span>
              <span>
                {t(`peopleImport.steps.${step}`)}
                <VisuallyHidden>
                  {` (${t('peopleImport.stepOf', { n })}${done ? `, ${t('peopleImport.stepDone')}` : ''}${isCurrent ? `, ${t('peopleImport.stepCurrent')}` : ''})`}
                </VisuallyHidden>
              </span>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
