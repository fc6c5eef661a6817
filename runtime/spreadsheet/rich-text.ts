// Rich text values (links).

export class RichTextBuilder {
  private text = '';
  private link: string | null = null;
  setText(t: string) {
    this.text = String(t);
    return this;
  }
  setLinkUrl(...args: unknown[]) {
    this.link = String(args[args.length - 1]);
    return this;
  }
  setTextStyle() {
    return this;
  }
  build() {
    const text = this.text;
    const link = this.link;
    return { getText: () => text, getLinkUrl: () => link };
  }
}
