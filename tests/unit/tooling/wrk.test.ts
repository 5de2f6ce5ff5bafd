import { describe, expect, it } from "vitest";
import { parseWrk } from "../../../tools/measure/wrk";

// As wrk 4.1 (Debian) printed it on this machine, with --latency.
const OVERLOADED = `Running 15s test @ http://127.0.0.1:3500/bai-viet/ubnd-thanh-pho-vinh-tong-ket-cong-tac-quoc-phong-an-ninh
  2 threads and 100 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency   387.65ms  602.05ms   4.95s    92.80%
    Req/Sec   193.45     88.12   480.00     68.21%
  Latency Distribution
     50%  229.90ms
     75%  301.33ms
     90%  602.10ms
     99%    3.50s 
  5741 requests in 15.05s, 60.42MB read
  Socket errors: connect 0, read 2, write 1, timeout 6
  Non-2xx or 3xx responses: 3
Requests/sec:    381.58
Transfer/sec:      4.01MB
`;

const CLEAN = `Running 30s test @ http://127.0.0.1:8080/
  2 threads and 1000 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    37.28ms    6.59ms 463.32ms   86.82%
    Req/Sec    12.52k     1.83k   21.00k    83.78%
  Latency Distribution
     50%   38.39ms
     75%   41.38ms
     90%   44.57ms
     99%  650.00us
  747585 requests in 30.09s, 8.08GB read
Requests/sec:  24846.94
Transfer/sec:    275.16MB
`;

describe("parseWrk", () => {
  it("reads throughput, percentiles in any unit, and every kind of failure", () => {
    expect(parseWrk(OVERLOADED)).toEqual({
      requests: 5741,
      requestsPerSecond: 381.58,
      p50Ms: 229.9,
      p99Ms: 3500,
      maxMs: 4950,
      socketErrors: 3,
      timeouts: 6,
      non2xx3xx: 3,
      failed: 12,
    });
  });

  it("counts no failure when wrk prints none", () => {
    const result = parseWrk(CLEAN);
    expect(result).toMatchObject({ requests: 747585, socketErrors: 0, timeouts: 0, non2xx3xx: 0, failed: 0 });
    expect(result.p99Ms).toBeCloseTo(0.65);
    expect(result.maxMs).toBeCloseTo(463.32);
  });

  it("refuses a report without latencies", () => {
    expect(() => parseWrk("unable to connect to 127.0.0.1:3500 Connection refused")).toThrow(
      /could not be read/,
    );
  });
});
