from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET

from exercises.models import Exercise
from hipmob import contact
from learn import markup
from learn.models import Read


def visible_reads(request: HttpRequest):
    """Published reads in the active language; drafts too for the people who edit them
    (has_perm costs two queries, so it is only asked of staff)."""
    reads = Read.objects.localized()
    user = request.user
    if user.is_staff and user.has_perm("learn.change_read"):
        return reads
    return reads.published()


@require_GET
def read_list(request: HttpRequest) -> HttpResponse:
    """One query for the reads, whatever their number (translations are joined)."""
    return render(request, "learn/list.html", {"reads": visible_reads(request)})


@require_GET
def read_detail(request: HttpRequest, slug: str) -> HttpResponse:
    read = get_object_or_404(visible_reads(request), slug=slug)
    # Through the scoped manager: a clinic's own exercise is never named to another.
    exercises = (
        Exercise.objects.published().filter(reads=read).only("slug", "name").order_by("name")
    )
    body = read.html_for(contact.for_user(request.user))
    if not request.user.is_patient:
        # Links to patients' own pages (the safety check) would be a 404 for staff.
        # Still the sanitised HTML, only with those anchors taken out.
        unlinked = markup.unlink(body, [reverse("patient:safety")])
        body = mark_safe(unlinked)  # noqa: S308  # nosec B308 B703
    context = {"read": read, "exercises": exercises, "body": body}
    return render(request, "learn/detail.html", context)
