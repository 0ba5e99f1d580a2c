import { bar, Progress } from './progress';

describe('the progress indicator', () => {
  it('draws on a terminal and clears its line when done', () => {
    const written: string[] = [];
    const progress = new Progress({ isTTY: true, write: (text: string) => written.push(text) });
    progress.update(`${bar(0.5, 10)} 500 entries`);
    progress.done();
    expect(written).toEqual(['\r\x1b[2K[#####.....]  50.0% 500 entries', '\r\x1b[2K']);
  });

  it('stays silent when the output is not a terminal (pipes, logs, tests)', () => {
    const written: string[] = [];
    const progress = new Progress({ isTTY: false, write: (text: string) => written.push(text) });
    progress.update('anything');
    progress.done();
    expect(written).toEqual([]);
  });
});
