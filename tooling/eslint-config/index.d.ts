import type { Linter } from 'eslint';

declare const config: Linter.Config[];
export default config;

/** The shared config plus Vue single-file components (`<script setup lang="ts">`). */
export declare const vue: Linter.Config[];
