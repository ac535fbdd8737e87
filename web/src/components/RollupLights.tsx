import { Space, Tooltip } from 'antd';
import type { Rollup } from '../api/types';
import { LIGHT_COLORS } from '../lib/labels';

/** A node's tasks counted by light, e.g. ● 2 ● 1 ● 3, with the overdue count. */
export function RollupLights({ rollup }: { rollup: Rollup }) {
  const { red, yellow, green } = rollup.byLight;
  return (
    <Tooltip
      title={`红灯 ${red}，黄灯 ${yellow}，绿灯 ${green}；逾期 ${rollup.overdue}；共 ${rollup.total} 项`}
    >
      <Space size={6} className="nowrap">
        {(['red', 'yellow', 'green'] as const).map((l) => (
          <span key={l}>
            <span style={{ color: LIGHT_COLORS[l] }}>●</span> {rollup.byLight[l]}
          </span>
        ))}
      </Space>
    </Tooltip>
  );
}
