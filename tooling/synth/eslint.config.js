export { default } from '@kesu/eslint-config';
