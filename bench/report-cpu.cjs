// Preloaded (`node -r`) into a child process the bench times: at exit it prints the process's own
// CPU time on stderr, so a figure can be given per CPU-second on a machine other work shares.
process.on('exit', () => {
  const used = process.cpuUsage();
  process.stderr.write(`\nBENCH_CPU_MS ${(used.user + used.system) / 1000}\n`);
});
