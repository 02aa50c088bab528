"""Keep what a visitor posted out of the links on the page that answers the post.

plone.app.multilingual's language selector copies ``request.form`` into its
links, POST data included, so a visitor's name, email and need would end up in
link addresses (and from there in server logs). Views that have read their
post call this before rendering the page around it.
"""


def forget_posted(request):
    if request.get("REQUEST_METHOD", "GET") == "POST":
        request.form.clear()
