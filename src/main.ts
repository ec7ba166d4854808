import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';

const target = document.getElementById('app')!;
// index.html paints a static header while the scripts load; the app takes over from here.
target.replaceChildren();
mount(App, { target });
