// Only the ECharts parts the oblast map needs; loaded on demand with `import()`.
import { MapChart } from 'echarts/charts';
import { TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([MapChart, TooltipComponent, SVGRenderer]);

export { echarts };
