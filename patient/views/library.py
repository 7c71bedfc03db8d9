from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from exercises.forms import LibraryFilterForm
from exercises.models import Equipment, Exercise, shown_text
from learn.models import Read
from routines.models import RoutineItem


def _visible_exercises(request: HttpRequest, exercises=None):
    """Published exercises, plus drafts for catalogue editors, plus any exercise in the
    patient's own active plan (unpublishing must not break a prescription). has_perm
    costs two queries, so it is only asked of staff; the plan check is a subquery."""

    user = request.user
    exercises = Exercise.objects.for_cards() if exercises is None else exercises
    if user.is_staff and user.has_perm("exercises.change_exercise"):
        return exercises
    prescribed = RoutineItem.objects.filter(routine__patient=user, routine__active=True).values(
        "exercise_id"
    )
    return exercises.filter(Q(published=True) | Q(pk__in=prescribed))


@require_GET
@vary_on_headers("HX-Request")
def exercise_list(request: HttpRequest) -> HttpResponse:
    form = LibraryFilterForm(request.GET or None, equipment=Equipment.objects.all())
    exercises = _visible_exercises(request)
    if form.is_bound:
        form.is_valid()
        exercises = form.filter(exercises)
    # In the page's language: a Spanish list is in Spanish alphabetical order.
    exercises = exercises.order_by(shown_text("name"))
    template = "exercises/list.html"
    if request.htmx and not request.htmx.history_restore_request:
        template += "#results"
    return render(request, template, {"form": form, "exercises": exercises})


@require_GET
def exercise_detail(request: HttpRequest, slug: str) -> HttpResponse:
    exercise = get_object_or_404(
        _visible_exercises(request, Exercise.objects.for_detail()), slug=slug
    )
    reads = Read.objects.published().localized().filter(exercises=exercise)
    return render(request, "exercises/detail.html", {"exercise": exercise, "reads": reads})
