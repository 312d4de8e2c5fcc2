// A progress bar for long command-line work (seeding, imports): redrawn in place on a terminal,
// one line per step elsewhere (logs, CI).
export function progressBar(stream: NodeJS.WriteStream = process.stderr) {
  let lastStep = '';
  let lastShown = -1;
  return (step: string, done: number, total: number) => {
    const fraction = total > 0 ? Math.min(1, done / total) : 1;
    const percent = Math.floor(fraction * 100);
    if (stream.isTTY) {
      if (step !== lastStep && lastStep !== '') stream.write('\n');
      const width = 30;
      const filled = Math.round(fraction * width);
      stream.write(
        `\r  ${step} [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${percent}% (${done}/${total})`,
      );
      if (fraction === 1) stream.write('\n');
      lastStep = fraction === 1 ? '' : step;
      return;
    }
    if (step !== lastStep) lastShown = -1;
    lastStep = step;
    const decile = Math.floor(percent / 25);
    if (decile !== lastShown) {
      lastShown = decile;
      stream.write(`  ${step}: ${percent}% (${done}/${total})\n`);
    }
  };
}
