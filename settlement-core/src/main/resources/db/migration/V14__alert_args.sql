-- The figures an alert's message names, in order (a JSON array of strings): the dashboard says the same in the reader's
-- language. Null for alerts raised before.
alter table alert add column args text;
