export const sendUsage = 'x';
export async function sendCommand() {
  return 0;
}
