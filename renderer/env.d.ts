/** Stylesheets are imported for their side effect; Vite emits them as one .css file. */
declare module '*.css';
