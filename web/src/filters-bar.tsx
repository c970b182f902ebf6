import { useEffect, useState } from 'preact/hooks';
import { type Location, navigate, withQuery } from './router';

const TYPES = [
  'Battles',
  'Explosions/Remote violence',
  'Violence against civilians',
  'Protests',
  'Riots',
  'Strategic developments',
];
const GRADES = ['Confirmed', 'Fair', 'Weak', 'Contested', 'Discounted'];
const CERTAINTIES = ['reported', 'claimed', 'unconfirmed', 'denied'];

export function FiltersBar({ loc }: { loc: Location }) {
  const q = loc.query;
  const [open, setOpen] = useState(false);
  const set = (key: string, value: string) => navigate(withQuery(loc, { [key]: value, cursor: null }), true);
  const active = [
    'from',
    'to',
    'type',
    'grade',
    'certainty',
    'country',
    'admin1',
    'actor',
    'minSources',
    'bbox',
    'q',
  ].filter((k) => q.get(k)).length;
  return (
    <div class={`filters ${open ? 'open' : ''}`}>
      <button type="button" class="filters-toggle" onClick={() => setOpen(!open)} aria-expanded={open}>
        Filters{active ? ` (${active})` : ''}
      </button>
      <div class="filters-fields">
        <TextFilter label="Search" name="q" value={q.get('q')} onChange={set} placeholder="place, actor, outlet" />
        <label>
          From
          <input
            type="date"
            name="from"
            value={q.get('from') ?? ''}
            onChange={(e) => set('from', e.currentTarget.value)}
          />
        </label>
        <label>
          To
          <input type="date" name="to" value={q.get('to') ?? ''} onChange={(e) => set('to', e.currentTarget.value)} />
        </label>
        <Select label="Type" name="type" value={q.get('type')} options={TYPES} onChange={set} />
        <Select label="Grade" name="grade" value={q.get('grade')} options={GRADES} onChange={set} />
        <Select label="Certainty" name="certainty" value={q.get('certainty')} options={CERTAINTIES} onChange={set} />
        <TextFilter label="Country" name="country" value={q.get('country')} onChange={set} placeholder="any" size={4} />
        <TextFilter label="Admin1" name="admin1" value={q.get('admin1')} onChange={set} placeholder="any" />
        <TextFilter label="Actor" name="actor" value={q.get('actor')} onChange={set} placeholder="any" />
        <label>
          Min sources
          <input
            type="number"
            name="minSources"
            min={1}
            max={50}
            value={q.get('minSources') ?? ''}
            onChange={(e) => set('minSources', e.currentTarget.value)}
            class="narrow"
          />
        </label>
        {active > 0 && (
          <button type="button" class="link" onClick={() => navigate(loc.path)}>
            Clear all
          </button>
        )}
      </div>
    </div>
  );
}

function TextFilter(props: {
  label: string;
  name: string;
  value: string | null;
  placeholder?: string;
  size?: number;
  onChange: (key: string, value: string) => void;
}) {
  const [text, setText] = useState(props.value ?? '');
  useEffect(() => setText(props.value ?? ''), [props.value]);
  return (
    <label>
      {props.label}
      <input
        type="search"
        name={props.name}
        value={text}
        size={props.size}
        placeholder={props.placeholder}
        onInput={(e) => setText(e.currentTarget.value)}
        onChange={(e) => props.onChange(props.name, e.currentTarget.value.trim())}
      />
    </label>
  );
}

function Select(props: {
  label: string;
  name: string;
  value: string | null;
  options: string[];
  onChange: (key: string, value: string) => void;
}) {
  return (
    <label>
      {props.label}
      <select
        name={props.name}
        value={props.value ?? ''}
        onChange={(e) => props.onChange(props.name, e.currentTarget.value)}
      >
        <option value="">all</option>
        {props.options.map((o) => (
          <option value={o} key={o}>
            {o}
          </option>
        ))}
      </select>
    </label>
  );
}
