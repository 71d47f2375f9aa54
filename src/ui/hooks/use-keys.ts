import { useInput } from 'ink';
import type { TuiController } from '../controller/controller.js';
import { chunkKeyNames, keyName } from '../input/key-name.js';

/** Hands every key press to the controller, a chunk of several keys as several presses. */
export function useKeys(controller: TuiController): void {
  useInput((input, key) => {
    const name = keyName(input, key);
    if (name !== null) controller.handleKeys([name]);
    else if (!key.ctrl && !key.meta && input.length > 1) controller.handleKeys(chunkKeyNames(input));
  });
}
