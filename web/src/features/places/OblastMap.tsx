import { Alert, Text } from '@mantine/core';
import type { Place } from '@oselia/contracts';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { intlLocale } from '../../i18n/index.ts';
import { Loading } from '../../ui/Loading.tsx';
import { colourClasses, colourOf, NO_DATA } from './colourClasses.ts';
import legend from './OblastMap.module.css';
import { oblastShapesQuery } from './placesApi.ts';
import { usePlaceName } from './usePlaceName.ts';

type ECharts = typeof import('./echarts.ts')['echarts'];
type Chart = ReturnType<ECharts['init']>;
type GeoInput = Parameters<ECharts['registerMap']>[1];

const MAP_NAME = 'oselia-oblasts';
const SOURCE = 'OCHA / State Scientific Production Enterprise Kartographia, via HDX, CC BY-IGO 3.0';

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

interface OblastMapProps {
  oblasts: Place[];
  /** The figure that shades each oblast, by P-code. */
  values: Map<string, number>;
  onSelect: (pcode: string) => void;
}

/** Choropleth of oblasts. Decorative for screen readers: the table beside it carries the same data. */
export function OblastMap({ oblasts, values, onSelect }: OblastMapProps) {
  const { t, i18n } = useTranslation();
  const name = usePlaceName();
  const shapes = useQuery(oblastShapesQuery());
  const box = useRef<HTMLDivElement>(null);
  const [chart, setChart] = useState<Chart | null>(null);
  const [failed, setFailed] = useState(false);
  const numberFormat = useMemo(() => new Intl.NumberFormat(intlLocale(i18n.language)), [i18n.language]);
  const classes = useMemo(() => colourClasses([...values.values()]), [values]);
  const select = useRef(onSelect);
  select.current = onSelect;

  // Load ECharts, register the boundaries once, create the chart.
  useEffect(() => {
    const element = box.current;
    if (!shapes.data || !element) return;
    let instance: Chart | undefined;
    let observer: ResizeObserver | undefined;
    let cancelled = false;
    import('./echarts.ts')
      .then(({ echarts }) => {
        if (cancelled) return;
        if (!echarts.getMap(MAP_NAME)) echarts.registerMap(MAP_NAME, shapes.data as unknown as GeoInput);
        instance = echarts.init(element, undefined, { renderer: 'svg' });
        instance.on('click', (params) => {
          if (typeof params.name === 'string' && params.name) select.current(params.name);
        });
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
  }, [shapes.data]);

  // (Re)draw when the data or the language change.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `name` and `t` follow the language
  useEffect(() => {
    if (!chart) return;
    const byPcode = new Map(oblasts.map((o) => [o.pcode, o]));
    chart.setOption(
      {
        aria: { enabled: false },
        animation: false,
        tooltip: {
          trigger: 'item',
          formatter: (params: unknown) => {
            const { name: pcode, value } = params as { name: string; value: unknown };
            const place = byPcode.get(pcode);
            const label = place ? name(place) : pcode;
            const count =
              typeof value === 'number' && Number.isFinite(value)
                ? numberFormat.format(value)
                : t('places.mapNoData');
            return `<strong>${escapeHtml(label)}</strong> (${escapeHtml(pcode)})<br/>${escapeHtml(
              t('places.mapTooltipCount', { n: count }),
            )}`;
          },
        },
        series: [
          {
            type: 'map',
            map: MAP_NAME,
            nameProperty: 'pcode',
            roam: false,
            aspectScale: 0.68,
            left: 4,
            right: 4,
            top: 4,
            bottom: 4,
            selectedMode: false,
            label: { show: false },
            itemStyle: { areaColor: NO_DATA, borderColor: '#ffffff', borderWidth: 0.8 },
            emphasis: { label: { show: false }, itemStyle: { areaColor: '#f08c00' } },
            data: oblasts.map((o) => ({
              name: o.pcode,
              value: values.get(o.pcode) ?? Number.NaN,
              itemStyle: { areaColor: colourOf(classes, values.get(o.pcode)) },
            })),
          },
        ],
      },
      { notMerge: true },
    );
  }, [chart, oblasts, values, classes, i18n.language]);

  return (
    <figure style={{ margin: 0 }}>
      {failed || shapes.isError ? (
        <Alert color="gray" variant="outline">
          {t('places.mapError')}
        </Alert>
      ) : (
        <div style={{ position: 'relative' }}>
          <div ref={box} className="chart-box" role="img" aria-label={t('places.mapAriaLabel')} />
          {!chart && (
            <div style={{ position: 'absolute', inset: 0 }}>
              <Loading />
            </div>
          )}
        </div>
      )}
      {classes.length > 0 && (
        <div className={legend.legend}>
          <Text size="sm" fw={600} id="oblast-map-legend">
            {t('places.mapLegend')}
          </Text>
          <ul className={legend.items} aria-labelledby="oblast-map-legend">
            {classes.map((c) => (
              <li key={c.min} className={legend.item}>
                <span className={legend.swatch} style={{ background: c.colour }} aria-hidden />
                {c.min === c.max
                  ? numberFormat.format(c.min)
                  : `${numberFormat.format(c.min)}–${numberFormat.format(c.max)}`}
              </li>
            ))}
          </ul>
        </div>
      )}
      <Text component="figcaption" size="xs" mt={4}>
        {t('places.mapCredit', { source: SOURCE })}
      </Text>
    </figure>
  );
}
