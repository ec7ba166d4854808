import { mount } from 'svelte';
import Embed from './Embed.svelte';
import '../../../app.css';

const target = document.getElementById('embed')!;
// embed.html paints a loading line while the scripts load; the chart takes over from here.
target.replaceChildren();
mount(Embed, { target });
