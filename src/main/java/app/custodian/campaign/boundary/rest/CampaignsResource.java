package app.custodian.campaign.boundary.rest;

import app.custodian.campaign.boundary.CampaignInput;
import app.custodian.campaign.boundary.CampaignService;
import app.custodian.campaign.boundary.CampaignView;
import app.custodian.campaign.boundary.NewsletterSendStarter;
import app.custodian.jobs.boundary.JobsResource;
import app.custodian.platform.control.Page;
import app.custodian.platform.control.PageRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

/** Not transactional itself: a job starts only after the campaign's state has committed. */
@Path("campaigns")
@RolesAllowed({"MARKETING", "ADMIN"})
@Produces(MediaType.APPLICATION_JSON)
public class CampaignsResource {

  @Inject CampaignService campaigns;
  @Inject NewsletterSendStarter sending;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(@Valid @NotNull CampaignInput input) {
    CampaignView campaign = campaigns.create(input);
    return Response.created(UriBuilder.fromPath("/api/v1/campaigns/{id}").build(campaign.id()))
        .entity(campaign)
        .build();
  }

  @GET
  public Page<CampaignView> list(
      @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
    return campaigns.list(PageRequest.of(page, size));
  }

  @GET
  @Path("{id}")
  public CampaignView read(@PathParam("id") String id) {
    return campaigns.read(id);
  }

  @POST
  @Path("{id}/send")
  public Response send(@PathParam("id") String id) {
    return JobsResource.accepted(sending.send(id));
  }

  @POST
  @Path("{id}/resend-uncertain")
  public Response resendUncertain(@PathParam("id") String id) {
    return JobsResource.accepted(sending.resendUncertain(id));
  }
}
