package dev.userpool.local.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HtmlWriterTest {
  @Test
  void textAndAttributeValuesAreEscaped() {
    String html =
        new HtmlWriter()
            .element("a", "href", "x\" onclick=\"alert(1)", "<script>alert('1') & more</script>")
            .toString();
    assertEquals(
        "<a href=\"x&quot; onclick=&quot;alert(1)\">"
            + "&lt;script&gt;alert(&#39;1&#39;) &amp; more&lt;/script&gt;</a>",
        html);
  }

  @Test
  void nullIsEmptyText() {
    assertEquals("<td></td>", new HtmlWriter().element("td", null).toString());
  }
}
