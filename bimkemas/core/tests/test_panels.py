from bimkemas.core import panels


def test_it_shows_the_panels_with_something_to_show_in_order(monkeypatch):
    monkeypatch.setattr(panels, "_panels", {})

    @panels.client_panel(order=20)
    def second(request, client, case):
        return "<section>b</section>"

    @panels.client_panel(order=10)
    def first(request, client, case):
        return "<section>a</section>"

    @panels.client_panel(order=5)
    def nothing(request, client, case):
        return ""

    assert panels.client_panels(None, None, None) == [
        "<section>a</section>",
        "<section>b</section>",
    ]
