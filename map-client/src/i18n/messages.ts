// The one message catalogue: every UI string, Simplified Chinese first, English second. Layer names,
// kind names and attribute labels are data and come from the server in Chinese.
import type { LayerKind } from '../api/types';

export type Locale = 'zh-CN' | 'en';

const zh = {
  'app.title': '一张蓝图 · 多规合一空间协同平台',
  'app.notFound': '页面不存在',
  'app.backToMap': '返回地图',
  'app.crashed': '页面出现错误',
  'app.reload': '重新加载',
  'header.language': 'English',
  'header.languageTitle': 'Switch to English',
  'health.checking': '正在检查服务状态…',
  'health.ok': '服务正常（{layers} 个图层）',
  'health.error': '服务异常',
  'health.unreachable': '无法连接服务',
  'catalog.loading': '正在加载图层目录…',
  'catalog.unreachable': '无法连接空间服务（{path}）：{message}。请确认 spatial-api 已启动后重试。',
  'catalog.failed': '空间服务返回错误（{path}，HTTP {status}）：{message}。请稍后重试或联系管理员。',
  'catalog.retry': '重试',
  'catalog.crsWarning': '坐标系定义加载失败（{message}），坐标读数按 CGCS2000 近似显示。',
  'catalog.empty': '尚未发布任何图层。',
  'panel.title': '图层',
  'panel.featureCount': '{count} 个要素',
  'panel.notDisplayable': '暂不可显示',
  'panel.opacity': '透明度',
  'panel.moveUp': '上移（绘制在上层）',
  'panel.moveDown': '下移（绘制在下层）',
  'panel.collapse': '收起图层面板',
  'panel.expand': '展开图层面板',
  'info.title': '要素属性',
  'info.close': '关闭',
  'info.empty': '点击位置没有可见图层的要素。',
  'info.yes': '是',
  'info.no': '否',
  'map.mousePosition': 'CGCS2000 经度 {lon}°，纬度 {lat}°',
  'map.zoomToExtent': '缩放至全图',
  'kind.admin_division': '行政区划',
  'kind.imagery': '遥感影像',
  'kind.plan': '各类规划',
  'kind.control_line': '控制线',
  'kind.regional_assessment': '区域评估',
  'kind.project_site': '项目选址',
  'kind.reference': '参考图层',
} as const;

export type MessageKey = keyof typeof zh;
export type Messages = Record<MessageKey, string>;

const en: Messages = {
  'app.title': 'One Blueprint · Multi-Plan Integration Platform',
  'app.notFound': 'Page not found',
  'app.backToMap': 'Back to the map',
  'app.crashed': 'The page ran into an error',
  'app.reload': 'Reload',
  'header.language': '中文',
  'header.languageTitle': '切换到中文',
  'health.checking': 'Checking the service…',
  'health.ok': 'Service up ({layers} layers)',
  'health.error': 'Service degraded',
  'health.unreachable': 'Service unreachable',
  'catalog.loading': 'Loading the layer catalogue…',
  'catalog.unreachable':
    'Cannot reach the spatial service ({path}): {message}. Make sure spatial-api is running, then retry.',
  'catalog.failed':
    'The spatial service answered with an error ({path}, HTTP {status}): {message}. Retry later or ask an administrator.',
  'catalog.retry': 'Retry',
  'catalog.crsWarning':
    'Could not load CRS definitions ({message}); coordinates are shown as approximate CGCS2000.',
  'catalog.empty': 'No layer has been published yet.',
  'panel.title': 'Layers',
  'panel.featureCount': '{count} features',
  'panel.notDisplayable': 'not displayable yet',
  'panel.opacity': 'Opacity',
  'panel.moveUp': 'Move up (draw above)',
  'panel.moveDown': 'Move down (draw below)',
  'panel.collapse': 'Collapse the layer panel',
  'panel.expand': 'Expand the layer panel',
  'info.title': 'Feature attributes',
  'info.close': 'Close',
  'info.empty': 'No feature of a visible layer at this place.',
  'info.yes': 'yes',
  'info.no': 'no',
  'map.mousePosition': 'CGCS2000 lon {lon}°, lat {lat}°',
  'map.zoomToExtent': 'Zoom to full extent',
  'kind.admin_division': 'Administrative divisions',
  'kind.imagery': 'Remote-sensing imagery',
  'kind.plan': 'Plans',
  'kind.control_line': 'Control lines',
  'kind.regional_assessment': 'Regional assessments',
  'kind.project_site': 'Project sites',
  'kind.reference': 'Reference',
};

export const MESSAGES: Record<Locale, Messages> = { 'zh-CN': zh, en };

export function kindMessageKey(kind: LayerKind): MessageKey {
  return `kind.${kind}`;
}

/** Fills `{name}` placeholders; unknown placeholders are left as they are. */
export function formatMessage(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
