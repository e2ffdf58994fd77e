// Android's SDK manager. https://developer.android.com/tools/sdkmanager
import type { CommandFamily } from './types.js';

export default {
  id: 'android',
  names: ['sdkmanager'],
  // it installs SDK packages into the SDK's directory, which the app needs at runtime: repeated in the runtime stage
  kinds: { sdkmanager: 'setup' },
} satisfies CommandFamily;
