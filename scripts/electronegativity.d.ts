/** The parts of Electronegativity's programmatic API (dist/runner.js) that scripts/electron-security-scan.ts uses; it ships no types. */
declare module '@doyensec/electronegativity' {
  interface Level {
    value: number;
    name: 'INFORMATIONAL' | 'LOW' | 'MEDIUM' | 'HIGH' | 'TENTATIVE' | 'FIRM' | 'CERTAIN';
  }
  export interface ElectronegativityIssue {
    id: string;
    file: string;
    location: { line: number; column: number };
    sample?: string;
    description: string;
    shortenedURL: string;
    severity: Level;
    confidence: Level;
    manualReview: boolean;
  }
  export interface ElectronegativityResult {
    globalChecks: number;
    atomicChecks: number;
    errors: { file: string; message: string; tolerable: boolean }[];
    issues: ElectronegativityIssue[];
  }
  export interface ElectronegativityOptions {
    input: string;
    isRelative?: boolean;
    electronVersionOverride?: string;
    customScan?: string[];
    excludeFromScan?: string[];
  }
  export default function run(options: ElectronegativityOptions, forCli?: false): Promise<ElectronegativityResult>;
}
