import { useSyncExternalStore } from 'react';
import type { TuiController } from '../controller/controller.js';
import type { ViewModel } from '../view-model.js';

/** The controller's latest frame; re-renders when it publishes a new one. */
export function useViewModel(controller: TuiController): ViewModel {
  return useSyncExternalStore(controller.subscribe, controller.getViewModel);
}
