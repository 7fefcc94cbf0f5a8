import type { AppKind, IpRelaxation } from '../../types.js';
export declare function ipRelaxationSpelling(kind: AppKind, value: IpRelaxation): string;
