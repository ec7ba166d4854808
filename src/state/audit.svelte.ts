/**
 * The public reading and the checking one: off (the default), a page shows its figures and one
 * line counting its findings; on (the line's toggle), the marks beside the figures and the panels
 * of findings show as well. One switch for the whole page, kept while the reader moves between
 * routes; #/quality always shows everything.
 */
class Audit {
  marks = $state(false);

  toggle(): void {
    this.marks = !this.marks;
  }
}

export const audit = new Audit();
