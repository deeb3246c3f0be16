import { Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

type ECharts = typeof import('./charts.ts')['echarts'];
type Chart = ReturnType<ECharts['init']>;
export type ChartOption = Parameters<Chart['setOption']>[0];

/**
 * An ECharts figure. Hidden from screen readers: every chart on the dashboard has a table beside
 * it with the same figures.
 */
export function ChartBox({ option, height = 280 }: { option: ChartOption; height?: number }) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const [chart, setChart] = useState<Chart | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    let instance: Chart | undefined;
    let observer: ResizeObserver | undefined;
    let cancelled = false;
    import('./charts.ts')
      .then(({ echarts }) => {
        if (cancelled) return;
        instance = echarts.init(element, undefined, { renderer: 'svg' });
        observer = new ResizeObserver(() => instance?.resize());
        observer.observe(element);
        setChart(instance);
      })
      .catch(() => setFailed(true));
    return () => {
      cancelled = true;
      observer?.disconnect();
      instance?.dispose();
      setChart(null);
    };
  }, []);

  useEffect(() => {
    chart?.setOption({ aria: { enabled: false }, animation: false, ...option }, true);
  }, [chart, option]);

  if (failed) return <Text size="sm">{t('grants.dashboard.chartFailed')}</Text>;
  return <div ref={box} aria-hidden style={{ width: '100%', height }} />;
}
