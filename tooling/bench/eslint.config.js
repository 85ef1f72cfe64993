import kesu from '@kesu/eslint-config';

// The benchmark runner reports to the terminal.
export default [...kesu, { rules: { 'no-console': 'off' } }];
